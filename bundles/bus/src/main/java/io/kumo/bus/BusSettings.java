package io.kumo.bus;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The settings of the message bus, from the configuration PID {@code io.kumo.bus}.
 * <p>
 * Blueprint fills it through the setters; blank strings mean "not set". The password is never part of
 * {@link #toString()}.
 */
public final class BusSettings {
    /** The in-VM connector URL of the embedded broker. */
    public static final String IN_VM_URL = "vm://0";

    private boolean embedded = true;
    private String host = "127.0.0.1";
    private int port = 61616;
    private String dataDir = "";
    private String url = "";
    private String user = "";
    private String password = "";
    private int requestThreads = 16;

    /** @return whether this node runs the broker in its own JVM */
    public boolean isEmbedded() { return embedded; }

    /** @param embedded whether this node runs the broker in its own JVM */
    public void setEmbedded(boolean embedded) { this.embedded = embedded; }

    /** @return the address the embedded broker's CORE acceptor binds */
    public String getHost() { return host; }

    /** @param host the address the embedded broker's CORE acceptor binds */
    public void setHost(String host) { this.host = trim(host); }

    /** @return the port of the embedded broker's CORE acceptor */
    public int getPort() { return port; }

    /** @param port the port of the embedded broker's CORE acceptor */
    public void setPort(int port) { this.port = port; }

    /** @return the configured data directory, blank for the default */
    public String getDataDir() { return dataDir; }

    /** @param dataDir the directory of the broker's journal, bindings, paging and large messages */
    public void setDataDir(String dataDir) { this.dataDir = trim(dataDir); }

    /** @return the URL of an external broker, used when not embedded */
    public String getUrl() { return url; }

    /** @param url the URL of an external broker, e.g. {@code tcp://broker:61616} */
    public void setUrl(String url) { this.url = trim(url); }

    /** @return the broker user, blank when security is off */
    public String getUser() { return user; }

    /** @param user the broker user */
    public void setUser(String user) { this.user = trim(user); }

    /** @return the broker password, empty when security is off */
    public String getPassword() { return password; }

    /** @param password the broker password */
    public void setPassword(String password) { this.password = password == null ? "" : password; }

    /** @return how many threads run the handlers of served queues */
    public int getRequestThreads() { return requestThreads; }

    /** @param requestThreads how many threads run the handlers of served queues */
    public void setRequestThreads(int requestThreads) { this.requestThreads = requestThreads; }

    /** @return whether both a user and a password are configured */
    public boolean hasCredentials() {
        return !user.isEmpty() && !password.isEmpty();
    }

    /** @return the broker the client side connects to: the embedded one in-VM, or {@link #getUrl()} */
    public String connectUrl() {
        if (embedded) {
            return IN_VM_URL;
        }
        if (url.isEmpty()) {
            throw new IllegalStateException("io.kumo.bus: embedded=false needs url (e.g. tcp://broker:61616)");
        }
        return url;
    }

    /** @return the data directory, {@code ${karaf.data}/kumo/artemis} unless configured */
    public Path resolvedDataDir() {
        if (!dataDir.isEmpty()) {
            return Path.of(dataDir);
        }
        return Path.of(System.getProperty("karaf.data", "data"), "kumo", "artemis");
    }

    /**
     * @return whether {@link #getHost()} names a loopback address
     * @throws UnknownHostException when the host does not resolve
     */
    public boolean isLoopbackHost() throws UnknownHostException {
        return InetAddress.getByName(host).isLoopbackAddress();
    }

    /** @return the connect URL without its query, which may carry secrets */
    public String safeConnectUrl() {
        String target = embedded ? IN_VM_URL : url;
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query) + "?...";
    }

    @Override
    public String toString() {
        return "BusSettings{embedded=" + embedded + ", host=" + host + ", port=" + port
                + ", dataDir=" + resolvedDataDir() + ", url=" + safeConnectUrl() + ", user=" + user
                + ", password=" + (password.isEmpty() ? "(none)" : "(set)") + ", requestThreads=" + requestThreads + '}';
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
