package io.offerdesk.gtm.internal.templates.rest;

import io.offerdesk.gtm.internal.templates.EulaPdf;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.TemplateLibrary.ClausePick;
import io.offerdesk.gtm.internal.templates.TemplateRepository.Clause;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ClauseRef;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ClauseVersion;
import io.offerdesk.gtm.internal.templates.TemplateRepository.EulaTemplateVersion;
import io.offerdesk.gtm.internal.templates.domain.ComposedEula;
import io.offerdesk.gtm.internal.templates.domain.Redline;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** EULA clauses with their immutable versions, and EULA templates composed from them: versions, PDF, redlines. */
@RestController
@Tag(name = "EULA templates", description = "Versioned EULA clauses and templates, composed EULAs as PDF, redlines")
class EulaTemplatesApi {

    record ClauseRequest(
            @Nullable String kind,
            @Nullable String title,
            @Nullable String text) {}

    record ClauseVersionJson(int version, String title, String text, Instant createdAt, String createdBy) {
        static ClauseVersionJson of(ClauseVersion v) {
            return new ClauseVersionJson(v.version(), v.title(), v.body(), v.createdAt(), v.createdBy());
        }
    }

    record ClauseJson(String id, String kind, int latestVersion, Instant createdAt, List<ClauseVersionJson> versions) {}

    record ClausesJson(List<ClauseJson> clauses) {}

    record SegmentJson(String op, String text) {}

    /** A word-level redline: unchanged, deleted and inserted runs in reading order. */
    record RedlineJson(int from, int to, List<SegmentJson> segments) {
        static RedlineJson of(int from, int to, List<Redline.Segment> segments) {
            return new RedlineJson(
                    from,
                    to,
                    segments.stream()
                            .map(s -> new SegmentJson(s.op().name(), s.text()))
                            .toList());
        }
    }

    record EulaTemplateRequest(
            @Nullable String name, @Nullable List<ClausePick> clauses) {}

    record SectionJson(
            int number,
            String heading,
            String text,
            @Nullable String kind,
            @Nullable String clauseId,
            @Nullable Integer clauseVersion) {}

    record EulaVersionJson(
            String templateId,
            int version,
            String name,
            List<ClauseRef> clauses,
            Instant createdAt,
            String createdBy,
            @Nullable List<SectionJson> sections,
            String pdfUrl) {
        static EulaVersionJson of(EulaTemplateVersion v, @Nullable ComposedEula composed) {
            return new EulaVersionJson(
                    v.templateId(),
                    v.version(),
                    v.name(),
                    v.clauses(),
                    v.createdAt(),
                    v.createdBy(),
                    composed == null
                            ? null
                            : composed.sections().stream()
                                    .map(s -> new SectionJson(
                                            s.number(),
                                            s.heading(),
                                            s.text(),
                                            s.kind() == null ? null : s.kind().name(),
                                            s.clauseId(),
                                            s.clauseVersion()))
                                    .toList(),
                    "/api/v1/eula-templates/" + v.templateId() + "/versions/" + v.version() + "/pdf");
        }
    }

    record EulaTemplateJson(String id, int latestVersion, Instant createdAt, List<EulaVersionJson> versions) {}

    record EulaTemplatesJson(List<EulaTemplateJson> templates) {}

    private final TemplateLibrary library;
    private final EulaPdf pdf;

    EulaTemplatesApi(TemplateLibrary library, EulaPdf pdf) {
        this.library = library;
        this.pdf = pdf;
    }

    @GetMapping("/api/v1/eula-clauses")
    @Operation(summary = "The party's EULA clauses with their versions")
    ClausesJson clauses(OfferdeskPrincipal me) {
        return new ClausesJson(
                library.clauses(me).stream().map(c -> clause(me, c)).toList());
    }

    @PostMapping("/api/v1/eula-clauses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a clause (kind LIABILITY_CAP, DATA_PROTECTION, SLA, …) with its version 1")
    ClauseJson createClause(OfferdeskPrincipal me, @RequestBody ClauseRequest request) {
        return clause(me, library.createClause(me, request.kind(), request.title(), request.text()));
    }

    @GetMapping("/api/v1/eula-clauses/{id}")
    @Operation(summary = "One clause with its versions")
    ClauseJson clause(OfferdeskPrincipal me, @PathVariable String id) {
        return clause(me, library.clause(me, id));
    }

    @PostMapping("/api/v1/eula-clauses/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a new version of the clause; earlier versions never change")
    ClauseVersionJson addClauseVersion(
            OfferdeskPrincipal me, @PathVariable String id, @RequestBody ClauseRequest request) {
        return ClauseVersionJson.of(library.addClauseVersion(me, id, request.title(), request.text()));
    }

    @GetMapping("/api/v1/eula-clauses/{id}/versions/{version}")
    @Operation(summary = "One version of a clause")
    ClauseVersionJson clauseVersion(OfferdeskPrincipal me, @PathVariable String id, @PathVariable int version) {
        return ClauseVersionJson.of(library.clauseVersion(me, id, version));
    }

    @GetMapping("/api/v1/eula-clauses/{id}/redline")
    @Operation(summary = "Word-level redline between two versions of a clause")
    RedlineJson clauseRedline(
            OfferdeskPrincipal me, @PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return RedlineJson.of(from, to, library.clauseRedline(me, id, from, to));
    }

    @GetMapping("/api/v1/eula-templates")
    @Operation(summary = "The party's EULA templates with their versions")
    EulaTemplatesJson eulaTemplates(OfferdeskPrincipal me) {
        return new EulaTemplatesJson(library.eulaTemplates(me).stream()
                .map(t -> eulaTemplate(me, t.id()))
                .toList());
    }

    @PostMapping("/api/v1/eula-templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a EULA template (version 1) from clause versions; a clause without version is its latest")
    EulaVersionJson createEulaTemplate(OfferdeskPrincipal me, @RequestBody EulaTemplateRequest request) {
        var created = library.createEulaTemplate(me, request.name(), request.clauses());
        return EulaVersionJson.of(created, library.composed(me, created.templateId(), created.version()));
    }

    @GetMapping("/api/v1/eula-templates/{id}")
    @Operation(summary = "One EULA template with its versions")
    EulaTemplateJson eulaTemplate(OfferdeskPrincipal me, @PathVariable String id) {
        var template = library.eulaTemplate(me, id);
        return new EulaTemplateJson(
                template.id(),
                template.latestVersion(),
                template.createdAt(),
                library.eulaVersions(me, id).stream()
                        .map(v -> EulaVersionJson.of(v, null))
                        .toList());
    }

    @PostMapping("/api/v1/eula-templates/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save the template as its next version")
    EulaVersionJson saveEulaTemplate(
            OfferdeskPrincipal me, @PathVariable String id, @RequestBody EulaTemplateRequest request) {
        var saved = library.saveEulaTemplate(me, id, request.name(), request.clauses());
        return EulaVersionJson.of(saved, library.composed(me, id, saved.version()));
    }

    @GetMapping("/api/v1/eula-templates/{id}/versions/{version}")
    @Operation(summary = "One version with its composed sections, in merge order")
    EulaVersionJson eulaVersion(OfferdeskPrincipal me, @PathVariable String id, @PathVariable int version) {
        return EulaVersionJson.of(library.eulaVersion(me, id, version), library.composed(me, id, version));
    }

    @GetMapping("/api/v1/eula-templates/{id}/versions/{version}/pdf")
    @Operation(summary = "The composed EULA of a version as PDF")
    ResponseEntity<byte[]> eulaPdf(OfferdeskPrincipal me, @PathVariable String id, @PathVariable int version) {
        var composed = library.composed(me, id, version);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(EulaPdf.fileName(id, version))
                                .build()
                                .toString())
                .body(pdf.render(composed, me.partyName(), id, version));
    }

    @GetMapping("/api/v1/eula-templates/{id}/redline")
    @Operation(summary = "Word-level redline between two versions of a EULA template, as composed EULAs")
    RedlineJson eulaRedline(
            OfferdeskPrincipal me, @PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return RedlineJson.of(from, to, library.eulaRedline(me, id, from, to));
    }

    private ClauseJson clause(OfferdeskPrincipal me, Clause clause) {
        return new ClauseJson(
                clause.id(),
                clause.kind().name(),
                clause.latestVersion(),
                clause.createdAt(),
                library.clauseVersions(me, clause.id()).stream()
                        .map(ClauseVersionJson::of)
                        .toList());
    }
}
