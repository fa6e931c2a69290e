-- The EULA template version an offer was made with, so approval rules can ask whether its EULA changes the standard
-- contract's clauses. Offer templates are saved in place, so existing origins take the EULA their template names now
-- when the template is still at the version the offer was made from, and stay unknown otherwise.
ALTER TABLE gtm.offer_origin ADD COLUMN eula_template_id text REFERENCES gtm.eula_template (id);
ALTER TABLE gtm.offer_origin ADD COLUMN eula_version integer;

UPDATE gtm.offer_origin o
SET eula_template_id = t.eula_template_id, eula_version = t.eula_version
FROM gtm.offer_template t
WHERE t.id = o.template_id AND t.version = o.template_version;
