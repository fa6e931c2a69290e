package io.offerdesk.gtm.internal.templates.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The standard contract every EULA template starts from: a short software-as-a-service contract in the spirit of
 * AWS Marketplace's Standard Contract (SCMP). Sections with a {@link ClauseKind} can be replaced by a clause of that
 * kind; the others always stay.
 */
public final class StandardBody {

    /** One numbered section of the standard body. */
    public record Section(
            String heading, String text, @Nullable ClauseKind kind) {}

    public static final String TITLE = "Software License and Services Agreement";

    public static final List<Section> SECTIONS = List.of(
            new Section(
                    "Definitions",
                    "\"Buyer\" is the party that accepts the offer. \"Seller\" is the party that makes the offer."
                            + " \"Product\" is the software or service named in the offer, including its documentation.",
                    null),
            new Section(
                    "License and use",
                    "Seller grants Buyer a non-exclusive, non-transferable right to use the Product for its internal"
                            + " business purposes during the term, within the quantities Buyer purchased.",
                    null),
            new Section(
                    "Data protection",
                    "Seller processes Buyer data only to provide the Product and complies with the data protection"
                            + " laws that apply to that processing.",
                    ClauseKind.DATA_PROTECTION),
            new Section(
                    "Service levels",
                    "Seller uses commercially reasonable efforts to make the Product available, excluding scheduled"
                            + " maintenance announced in advance.",
                    ClauseKind.SLA),
            new Section(
                    "Warranties",
                    "Seller warrants that the Product performs materially as described in its documentation. Any other"
                            + " warranty is excluded to the extent the law allows.",
                    ClauseKind.WARRANTY),
            new Section(
                    "Limitation of liability",
                    "Each party's total liability is limited to the fees Buyer paid for the Product in the twelve"
                            + " months before the claim. Neither party is liable for indirect or consequential damages.",
                    ClauseKind.LIABILITY_CAP),
            new Section(
                    "Term and termination",
                    "The agreement runs for the term in the offer. Either party may terminate for a material breach"
                            + " not cured within thirty days of notice.",
                    ClauseKind.TERMINATION),
            new Section(
                    "General",
                    "This agreement, with the offer, is the entire agreement of the parties about the Product. It is"
                            + " governed by the law named in the offer, or else the law of the State of New York.",
                    null));

    private StandardBody() {}
}
