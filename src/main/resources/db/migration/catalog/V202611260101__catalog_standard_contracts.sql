-- Standard contracts (the marketplace's standard EULA): the operator publishes versions; a version never changes,
-- because agreements refer to the exact text a buyer accepted. The newest version is the current one.
CREATE TABLE catalog.standard_contract (
    id              uuid         PRIMARY KEY,
    title           varchar(200) NOT NULL,
    current_version varchar(20)  NOT NULL,
    created_at      timestamptz  NOT NULL
);
CREATE UNIQUE INDEX standard_contract_title ON catalog.standard_contract (lower(title));

CREATE TABLE catalog.standard_contract_version (
    contract_id  uuid         NOT NULL REFERENCES catalog.standard_contract (id),
    version      varchar(20)  NOT NULL CHECK (version ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$'),
    body         text         NOT NULL,
    published_at timestamptz  NOT NULL,
    published_by varchar(300) NOT NULL,
    -- Publication order; simulated time may be earlier than a seeded version's date, so time cannot order them.
    sequence     bigint       GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (contract_id, version)
);

ALTER TABLE catalog.standard_contract
    ADD FOREIGN KEY (id, current_version) REFERENCES catalog.standard_contract_version (contract_id, version)
        DEFERRABLE INITIALLY DEFERRED;

-- The database keeps published versions immutable even against a mistaken UPDATE or DELETE.
CREATE FUNCTION catalog.reject_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'standard contract versions are immutable';
END;
$$;
CREATE TRIGGER standard_contract_version_immutable
    BEFORE UPDATE OR DELETE ON catalog.standard_contract_version
    FOR EACH ROW EXECUTE FUNCTION catalog.reject_version_change();

-- Reference data every installation needs: the Offerdesk Standard Contract, version 1.0.
INSERT INTO catalog.standard_contract (id, title, current_version, created_at)
VALUES ('5c0f1a6e-7d3b-4e2a-9b61-0ffe7de5c001', 'Offerdesk Standard Contract', '1.0', TIMESTAMPTZ '2026-01-01 00:00:00+00');

INSERT INTO catalog.standard_contract_version (contract_id, version, body, published_at, published_by)
VALUES ('5c0f1a6e-7d3b-4e2a-9b61-0ffe7de5c001', '1.0', $eula$# Offerdesk Standard Contract

Version 1.0

This Standard Contract ("Contract") governs the buyer's use of a product purchased through the Offerdesk
marketplace. It is an agreement between the seller of record named in the offer ("Seller") and the buyer that
accepts the offer ("Buyer"). The marketplace operator is not a party to it, but invoices and collects on Seller's
behalf. An offer may amend this Contract; where it does, the offer prevails.

## 1. Scope and licence

Seller grants Buyer, for the term of the agreement, a non-exclusive, non-transferable right to use the product for
Buyer's internal business purposes, in the quantities, dimensions and accounts stated in the offer. Buyer's
affiliates may use the product under Buyer's account, and Buyer remains responsible for their use. Buyer shall not
resell, sublicense, reverse engineer (except where the law allows it despite this clause) or use the product to
build a competing product.

## 2. Fees and payment

Buyer pays the fees stated in the offer: contract fees up front or by the payment schedule, usage fees monthly in
arrears for metered use. The marketplace invoices Buyer and collects on Seller's behalf; a payment to the
marketplace discharges Buyer's obligation to Seller. Fees exclude taxes, which are added where the law requires.
Undisputed invoices are due within 30 days. Buyer may dispute an invoice in good faith, in writing, before it is due.

## 3. Term and renewal

The agreement starts on the date the offer is accepted, or on the future start date the offer names, and runs for
the duration stated in the offer. It renews only if the offer provides for renewal or Buyer accepts a new offer.
Usage-based agreements run until either party ends them.

## 4. Termination

Either party may terminate the agreement if the other materially breaches it and does not cure the breach within
30 days of written notice. Seller may suspend access while undisputed fees are more than 30 days overdue, after
notice. On termination, Buyer's right to use the product ends, fees for the period already provided stay due, and
Seller makes Buyer's data available for export for 30 days, then deletes it.

## 5. Warranties

Seller warrants that the product will perform materially as described in its listing and documentation, and that
professional services will be performed with reasonable skill and care. If it does not, Seller will, at its option,
fix the product or refund the fees paid for the non-conforming part. Except as stated here, the product is provided
"as is", and each party disclaims all implied warranties to the extent the law permits.

## 6. Limitation of liability

Neither party is liable for indirect, consequential or special damages, or for lost profits, revenue or data,
however caused. Each party's total liability under the agreement is limited to the fees paid or payable by Buyer
in the 12 months before the event giving rise to the claim. These limits do not apply to a party's indemnity
obligations, to breach of confidentiality, or to liability that cannot be limited by law.

## 7. Data protection and confidentiality

Seller processes Buyer's personal data only to provide the product and on Buyer's documented instructions, keeps it
secure with appropriate technical and organizational measures, and notifies Buyer without undue delay of a breach
affecting it. Where the law requires a data processing agreement, the parties' agreement or Seller's standard one
applies. Each party keeps the other's confidential information secret and uses it only for the agreement.

## 8. Governing law

The agreement is governed by the laws of [jurisdiction to be stated in the offer], without regard to its conflict
of laws rules, and the courts of that jurisdiction have exclusive jurisdiction over disputes arising from it.
$eula$, TIMESTAMPTZ '2026-01-01 00:00:00+00', 'Offerdesk Marketplace');
