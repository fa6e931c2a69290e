package io.offerdesk.platform;

/**
 * This node's pool of database connections, for background work that must leave room in it: for requests, and for
 * the listeners its own commits start, which take connections of their own on other threads.
 */
public interface ConnectionPool {

    /** The most connections this node's pool opens. */
    int maximumSize();

    /** Connections in use now plus threads waiting for one: how much of the pool is taken at this moment. */
    int busy();
}
