package io.offerdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A person's signed-in session on the web UI without a browser: the login form posted with its CSRF token, then
 * requests with the session cookie, redirects not followed. For what a browser cannot check, such as status codes and
 * downloaded bytes.
 */
public final class SignedInSession {

    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;

    private SignedInSession(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** The same session (its cookies) sent to another node of the application. */
    public SignedInSession on(TestApi node) {
        return new SignedInSession(http, node.baseUrl());
    }

    public SignedInSession(TestApi api, String email, String password) {
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.baseUrl = api.baseUrl();
        var login = new String(get("/login").body(), StandardCharsets.UTF_8);
        var token = LOGIN_CSRF.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        var form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        var signedIn = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        var location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(
                    "sign-in of " + email + " failed: " + signedIn.statusCode() + " " + location);
        }
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Submits a form as the page {@code formPage} would, with that page's CSRF token; redirects are not followed. */
    public HttpResponse<byte[]> post(String formPage, String path, String form) {
        var page = new String(get(formPage).body(), StandardCharsets.UTF_8);
        var token = LOGIN_CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException(formPage + " has no CSRF token");
        }
        return post(path, form + "&_csrf=" + encode(token.group(1)));
    }

    /** Posts a form as the page's own form would, {@code form} already URL-encoded and with its CSRF token. */
    public HttpResponse<byte[]> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Uploads a file as the page {@code formPage}'s multipart form would (field {@code field}), with that page's CSRF
     * token; redirects are not followed.
     */
    public HttpResponse<byte[]> postFile(
            String formPage, String path, String field, String fileName, String contentType, byte[] content) {
        var page = new String(get(formPage).body(), StandardCharsets.UTF_8);
        var token = LOGIN_CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException(formPage + " has no CSRF token");
        }
        var boundary = "----offerdesk" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
