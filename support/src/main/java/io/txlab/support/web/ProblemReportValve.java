package io.txlab.support.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on an error nobody answered (a request it refused before any servlet could see it, when
 * {@code /error} could not be reached): a JSON problem where Tomcat's own valve writes an HTML page. It takes
 * that valve's place on the host (TomcatProblemReports). Public: the host instantiates its error valve by class name.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(ProblemJson.CONTENT_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ProblemJson.of(status, status >= 500
                        ? "the service could not answer this request" : "the request was refused before it reached "
                        + "the service: its request line, path or headers are malformed"), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
