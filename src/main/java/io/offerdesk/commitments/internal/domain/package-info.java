/**
 * Pure spend-commitment rules: a contract's terms and their validation, its years, how eligible spend draws them
 * down up to the marketplace share cap, milestones, and where future charges land.
 */
@NullMarked
package io.offerdesk.commitments.internal.domain;

import org.jspecify.annotations.NullMarked;
