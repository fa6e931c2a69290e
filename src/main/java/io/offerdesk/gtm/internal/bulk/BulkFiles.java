package io.offerdesk.gtm.internal.bulk;

import io.offerdesk.gtm.internal.bulk.domain.BulkColumn;
import io.offerdesk.platform.Csv;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads a bulk offer file, CSV (UTF-8, RFC 4180, a header row) or XLSX (the first sheet, a header row), into rows of
 * cells by column, and writes the template both ways. The format is told from the content, not the file name. Rows are
 * numbered as a spreadsheet shows them: the header is row 1. Blank rows are skipped.
 */
public final class BulkFiles {

    public enum Format {
        CSV,
        XLSX
    }

    /** One data row: its number in the file and its non-blank cells. */
    public record FileRow(int number, Map<BulkColumn, String> cells) {
        public FileRow {
            cells = Map.copyOf(cells);
        }
    }

    public record ParsedFile(Format format, List<FileRow> rows) {
        public ParsedFile {
            rows = List.copyOf(rows);
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private BulkFiles() {}

    /**
     * @throws InvalidInput naming {@code file} when it is neither CSV nor XLSX, has no header, lacks a required column,
     *     has an unknown or repeated one, or more than {@code maxRows} rows
     */
    public static ParsedFile read(byte[] content, int maxRows) {
        if (content.length == 0) {
            throw new InvalidInput("file", "bulk.file.empty");
        }
        var xlsx = content.length >= ZIP.length
                && content[0] == ZIP[0]
                && content[1] == ZIP[1]
                && content[2] == ZIP[2]
                && content[3] == ZIP[3];
        var table = xlsx ? xlsx(content) : csv(content);
        if (table.isEmpty() || table.getFirst().stream().allMatch(String::isBlank)) {
            throw new InvalidInput("file", "bulk.file.empty");
        }
        var columns = columns(table.getFirst());
        var rows = new ArrayList<FileRow>();
        for (int i = 1; i < table.size(); i++) {
            var record = table.get(i);
            var cells = new EnumMap<BulkColumn, String>(BulkColumn.class);
            for (int c = 0; c < Math.min(record.size(), columns.size()); c++) {
                var value = record.get(c).strip();
                if (!value.isEmpty()) {
                    cells.put(columns.get(c), value);
                }
            }
            if (!cells.isEmpty()) {
                rows.add(new FileRow(i + 1, cells));
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInput("file", "bulk.file.noRows");
        }
        if (rows.size() > maxRows) {
            throw new InvalidInput("file", "bulk.file.tooManyRows", maxRows);
        }
        return new ParsedFile(xlsx ? Format.XLSX : Format.CSV, rows);
    }

    /** The template: the header and one example row. */
    public static byte[] template(Format format) {
        var examples = java.util.Arrays.stream(BulkColumn.values())
                .map(BulkColumn::example)
                .toList();
        return switch (format) {
            case CSV -> {
                var out = new ByteArrayOutputStream();
                try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    new Csv(writer).row(BulkColumn.headers()).row(examples);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield out.toByteArray();
            }
            case XLSX -> {
                try (var workbook = new XSSFWorkbook()) {
                    var sheet = workbook.createSheet("offers");
                    var header = sheet.createRow(0);
                    var example = sheet.createRow(1);
                    var headers = BulkColumn.headers();
                    for (int c = 0; c < headers.size(); c++) {
                        header.createCell(c).setCellValue(headers.get(c));
                        // Text cells, so that account ids and dates stay as written.
                        example.createCell(c).setCellValue(examples.get(c));
                    }
                    var out = new ByteArrayOutputStream();
                    workbook.write(out);
                    yield out.toByteArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static List<BulkColumn> columns(List<String> header) {
        var violations = new ArrayList<FieldViolation>();
        var columns = new ArrayList<BulkColumn>();
        var seen = new HashSet<BulkColumn>();
        for (var name : header) {
            var column = BulkColumn.byHeader(name.strip().toLowerCase(java.util.Locale.ROOT));
            if (column.isEmpty()) {
                violations.add(FieldViolation.of("file", "bulk.file.unknownColumn", name.strip()));
            } else if (!seen.add(column.get())) {
                violations.add(FieldViolation.of("file", "bulk.file.repeatedColumn", name.strip()));
            } else {
                columns.add(column.get());
            }
        }
        for (var column : BulkColumn.values()) {
            if (column.required() && !seen.contains(column)) {
                violations.add(FieldViolation.of("file", "bulk.file.missingColumn", column.header()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return columns;
    }

    private static List<List<String>> csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "bulk.file.format");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInput("file", "bulk.file.format");
        }
        if (text.startsWith("\uFEFF")) {
            // Spreadsheets save UTF-8 CSV with a byte order mark.
            text = text.substring(1);
        }
        try (var parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInput("file", "bulk.file.format");
        }
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInput("file", "bulk.file.empty");
            }
            var sheet = workbook.getSheetAt(0);
            var table = new ArrayList<List<String>>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                table.add(cells(sheet.getRow(r)));
            }
            return table;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            // A ZIP that is no workbook, or a damaged one.
            throw new InvalidInput("file", "bulk.file.format");
        }
    }

    private static List<String> cells(@Nullable Row row) {
        if (row == null) {
            return List.of();
        }
        var cells = new ArrayList<String>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            cells.add(text(row.getCell(c)));
        }
        return cells;
    }

    /** A cell as written: dates as ISO dates, numbers without exponent or float noise. */
    private static String text(@Nullable Cell cell) {
        if (cell == null) {
            return "";
        }
        var type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString()
                        : new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue())).toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
