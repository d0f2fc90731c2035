package io.txlab.support.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Puts {@link ProblemReportValve} on Tomcat's host in place of every HTML ErrorReportValve: the host's default
 * and the one Boot adds (server.error.include-stacktrace=never). Done when the host starts, after every
 * customizer has run, so no valve added later can write HTML after all.
 */
final class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standardHost) {
                // Otherwise the host adds its own ErrorReportValve when it starts.
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    replaceErrorReportValves(host);
                }
            });
        });
    }

    private static void replaceErrorReportValves(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemReportValve) {
                return;
            }
        }
        host.getPipeline().addValve(new ProblemReportValve());
    }
}
