package io.offerdesk.gtm.internal.templates.domain;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A word-level redline between two texts: runs of unchanged, deleted and inserted words (whitespace travels with the
 * words around it), in reading order. Replacing a word shows as its deletion followed by the insertion.
 */
public final class Redline {

    public enum Op {
        EQUAL,
        DELETE,
        INSERT
    }

    public record Segment(Op op, String text) {}

    /** Splits between a run of whitespace and a run of anything else, keeping both, so the tokens rejoin exactly. */
    private static final Pattern TOKEN_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private Redline() {}

    public static List<Segment> between(String before, String after) {
        var from = tokens(before);
        var to = tokens(after);
        var segments = new ArrayList<Segment>();
        int position = 0;
        for (var delta : DiffUtils.diff(from, to).getDeltas()) {
            var source = delta.getSource();
            add(segments, Op.EQUAL, from.subList(position, source.getPosition()));
            if (delta.getType() != DeltaType.INSERT) {
                add(segments, Op.DELETE, source.getLines());
            }
            if (delta.getType() != DeltaType.DELETE) {
                add(segments, Op.INSERT, delta.getTarget().getLines());
            }
            position = source.getPosition() + source.size();
        }
        add(segments, Op.EQUAL, from.subList(position, from.size()));
        return segments;
    }

    /** The text on one side of the redline: {@code before} without the insertions, {@code after} without deletions. */
    public static String side(List<Segment> segments, boolean after) {
        var text = new StringBuilder();
        for (var segment : segments) {
            if (segment.op() == Op.EQUAL || (segment.op() == Op.INSERT) == after) {
                text.append(segment.text());
            }
        }
        return text.toString();
    }

    private static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : List.of(TOKEN_BOUNDARY.split(text, -1));
    }

    private static void add(List<Segment> segments, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        var text = String.join("", tokens);
        if (!segments.isEmpty() && segments.getLast().op() == op) {
            text = segments.removeLast().text() + text;
        }
        segments.add(new Segment(op, text));
    }
}
