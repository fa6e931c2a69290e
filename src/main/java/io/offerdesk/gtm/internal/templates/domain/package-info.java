/**
 * The template library's pure rules: how a EULA is composed from the standard body and clauses, the redline between
 * two texts, how pricing templates become offer terms and how a total splits into installments. No Spring, no JDBC.
 */
@NullMarked
package io.offerdesk.gtm.internal.templates.domain;

import org.jspecify.annotations.NullMarked;
