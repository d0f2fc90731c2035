package io.txlab.e2e.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP endpoints a module's main sources declare, read from the source text: every {@code @GetMapping},
 * {@code @PostMapping}, {@code @PutMapping}, {@code @DeleteMapping}, {@code @PatchMapping} and
 * {@code @RequestMapping} path, a method's joined to its class's.
 */
final class HttpEndpoints {

    /** An endpoint: its HTTP method (null for a {@code @RequestMapping} that names none: any) and its path. */
    record Endpoint(String method, String path, Path source) {

        @Override
        public String toString() {
            return (method == null ? "any method" : method) + " " + path + " (" + source.getFileName() + ")";
        }
    }

    private static final Pattern MAPPING = Pattern.compile("@(Get|Post|Put|Delete|Patch|Request)Mapping\\b(\\s*\\(([^)]*)\\))?");
    private static final Pattern PATH_LITERAL = Pattern.compile("\"(/[^\"]*|\\$\\{[^\"]*)\"");
    private static final Pattern REQUEST_METHOD = Pattern.compile("RequestMethod\\.([A-Z]+)");
    /** A Spring placeholder with a default, as in "${server.error.path:/error}": the default is the path. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]*:([^}]*)}");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|final|abstract|sealed|static)\\s+)*(?:class|record|interface)\\s+\\w+",
            Pattern.MULTILINE);
    /** Block comments (Javadoc too) and whole-line comments: a mapping named in a comment declares nothing. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|^\\s*//[^\\n]*", Pattern.DOTALL | Pattern.MULTILINE);

    private HttpEndpoints() {
    }

    static List<Endpoint> declaredUnder(Path sources) {
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted()
                    .forEach(file -> endpoints.addAll(declaredIn(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    static List<Endpoint> declaredIn(Path file) {
        String source = COMMENT.matcher(read(file)).replaceAll("");
        Matcher type = TYPE_DECLARATION.matcher(source);
        int typeStart = type.find() ? type.start() : 0;
        List<String> classPaths = List.of("");
        List<Endpoint> endpoints = new ArrayList<>();
        Matcher mapping = MAPPING.matcher(source);
        while (mapping.find()) {
            String arguments = mapping.group(3) == null ? "" : mapping.group(3);
            List<String> paths = paths(arguments);
            if (mapping.start() < typeStart) {
                classPaths = paths;
                continue;
            }
            for (String classPath : classPaths) {
                for (String path : paths) {
                    endpoints.add(new Endpoint(method(mapping.group(1), arguments), classPath + path, file));
                }
            }
        }
        return endpoints;
    }

    private static List<String> paths(String arguments) {
        List<String> paths = new ArrayList<>();
        Matcher literal = PATH_LITERAL.matcher(arguments);
        while (literal.find()) {
            paths.add(PLACEHOLDER.matcher(literal.group(1)).replaceAll("$1"));
        }
        return paths.isEmpty() ? List.of("") : paths;
    }

    private static String method(String annotation, String arguments) {
        if (!annotation.equals("Request")) {
            return annotation.toUpperCase();
        }
        Matcher method = REQUEST_METHOD.matcher(arguments);
        return method.find() ? method.group(1) : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
