package io.txlab.support.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How every service takes its requests: strict JSON bodies, a body limit, JSON answers only, path variables
 * that can be ids, and every refusal an RFC 9457 problem, from Spring MVC, from /error and from Tomcat itself.
 */
@Configuration(proxyBeanMethods = false)
public class WebInputConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return new StrictJson();
    }

    /** Both screens run first, before anything reads the request's body or parameters. */
    @Bean
    FilterRegistrationBean<JsonAnswersOnly> jsonAnswersOnly() {
        FilterRegistrationBean<JsonAnswersOnly> registration = new FilterRegistrationBean<>(new JsonAnswersOnly());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit() {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebMvcConfigurer pathVariableGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PathVariableGuard());
            }
        };
    }

    @Bean
    RequestProblems requestProblems() {
        return new RequestProblems();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    TomcatProblemReports tomcatProblemReports() {
        return new TomcatProblemReports();
    }
}
