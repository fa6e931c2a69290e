package io.offerdesk.invoicing.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoice and credit memo numbers, sequential without gaps per invoicing entity. Taking numbers locks the entity's
 * sequence row until the caller's transaction ends: a rollback gives the numbers back, and a second taker waits, so no
 * number is lost or given twice. Take them as late in the transaction as possible.
 */
@Component
public class InvoiceNumbers {

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the entity's numbers, as taking one would, without taking any yet: for a transaction that must lock other
     * rows before it knows whether it takes a number. Invoicing runs lock the numbers first and then buyers' balances
     * (when credit pays the new invoices); whoever else locks both keeps that order, or the two could deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(String invoicingEntity) {
        jdbc.sql("SELECT 1 FROM invoicing.number_sequence WHERE invoicing_entity = :entity FOR UPDATE")
                .param("entity", invoicingEntity)
                .query(Integer.class)
                .optional();
    }

    /**
     * Reserves {@code count} consecutive numbers.
     *
     * @return the first of them; the others follow it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String invoicingEntity, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one number must be taken, not " + count);
        }
        return jdbc.sql("""
                        INSERT INTO invoicing.number_sequence AS s (invoicing_entity, next_number)
                        VALUES (:entity, 1 + :count)
                        ON CONFLICT (invoicing_entity) DO UPDATE SET next_number = s.next_number + :count
                        RETURNING next_number - :count
                        """)
                .param("entity", invoicingEntity)
                .param("count", count)
                .query(Long.class)
                .single();
    }
}
