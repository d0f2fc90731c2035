package io.txlab.order.console.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reviewers' console: one static page whose script reads the JSON API of this service (docs/console.md).
 * Its scripts and styles are served under {@code /console/} by {@link ConsoleConfiguration}.
 */
@Controller
@Hidden // a page, not an operation of the API: left out of /v3/api-docs
class ConsolePage {

    static final String PAGE = ConsoleConfiguration.LOCATION + "index.html";

    private final Resource page = new ClassPathResource(PAGE.substring("classpath:".length()));

    /**
     * The reviewers' console page.
     *
     * <p>Plain HTML; no login for what it reads, the admin token typed into the page for what it changes.
     */
    @GetMapping({"/console", "/console/"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(page);
    }
}
