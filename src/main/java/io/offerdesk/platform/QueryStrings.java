package io.offerdesk.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Whether a raw query string can be read at all: every {@code %} starts two hex digits, and the decoded bytes of every
 * name and value are UTF-8. Tomcat refuses to read the parameters of any other query with an exception that reached
 * clients as a 500 (the fuzzer found it, ADR 0049); the filters that answer before anything reads a parameter use this
 * to answer 400 instead.
 */
public final class QueryStrings {

    private QueryStrings() {}

    public static boolean wellFormed(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return true;
        }
        for (var part : rawQuery.split("[&=]", -1)) {
            if (!decodesAsUtf8(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean decodesAsUtf8(String encoded) {
        var bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            var c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return false;
                }
                var high = Character.digit(encoded.charAt(i + 1), 16);
                var low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                var raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
