package io.kumo.rest;

import javax.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Builds the {@code location} of API jobs from the host the client used. */
final class JobLocations {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private JobLocations() { }

    /**
     * @param req   the request
     * @param jobId the job id
     * @return {@code http://<host:port>/zstack/v1/api-jobs/<jobId>}, with the Host header the client sent
     */
    static String of(HttpServletRequest req, String jobId) {
        String host = req.getHeader("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            String name = req.getServerName();
            host = (name.contains(":") ? "[" + name + "]" : name) + ":" + req.getServerPort();
        }
        String context = req.getContextPath() == null ? "" : req.getContextPath();
        return req.getScheme() + "://" + host + context + RequestPaths.API_ROOT + "/api-jobs/"
                + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
    }
}
