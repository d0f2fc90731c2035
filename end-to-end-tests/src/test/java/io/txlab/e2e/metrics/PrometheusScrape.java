package io.txlab.e2e.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /actuator/prometheus, as Prometheus asks for it, read as series: enough to assert on. */
record PrometheusScrape(int status, String contentType, String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static PrometheusScrape of(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new PrometheusScrape(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("scrape of " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of every series of {@code name} whose labels include all of {@code labels}; -1 if there is none. */
    double sum(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            String series = sample.group(3) == null ? "" : sample.group(3);
            if (labels.entrySet().stream().allMatch(label ->
                    series.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                sum += Double.parseDouble(sample.group(4));
                found = true;
            }
        }
        return found ? sum : -1;
    }

    double sum(String name) {
        return sum(name, Map.of());
    }
}
