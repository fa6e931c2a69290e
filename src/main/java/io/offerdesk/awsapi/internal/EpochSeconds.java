package io.offerdesk.awsapi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORGenerator;

/**
 * A timestamp member of an output document, written as the protocol writes timestamps: epoch seconds in the JSON
 * protocols, and in Smithy RPC v2 CBOR the same number under CBOR tag 1 (botocore refuses an untagged one). Put into a
 * document with {@link #put}, so that one document serves both protocols.
 */
@JsonSerialize(using = EpochSeconds.Writer.class)
public record EpochSeconds(Instant instant) {

    /** Sets {@code member} of {@code node} to the timestamp. */
    public static void put(ObjectNode node, String member, Instant instant) {
        node.putPOJO(member, new EpochSeconds(instant));
    }

    static final class Writer extends ValueSerializer<EpochSeconds> {

        @Override
        public void serialize(EpochSeconds value, JsonGenerator generator, SerializationContext context) {
            var instant = value.instant();
            if (generator instanceof CBORGenerator cbor) {
                cbor.writeTag(1);
            }
            if (instant.getNano() == 0) {
                generator.writeNumber(instant.getEpochSecond());
                return;
            }
            var seconds = BigDecimal.valueOf(instant.getEpochSecond())
                    .add(BigDecimal.valueOf(instant.getNano(), 9))
                    .stripTrailingZeros();
            if (generator instanceof CBORGenerator) {
                // tag 1 takes an integer or a float; a decimal fraction would be tag 4, which botocore refuses
                generator.writeNumber(seconds.doubleValue());
            } else {
                generator.writeNumber(seconds.toPlainString());
            }
        }
    }
}
