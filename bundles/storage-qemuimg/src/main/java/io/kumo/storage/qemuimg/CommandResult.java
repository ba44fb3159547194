package io.kumo.storage.qemuimg;

/**
 * What a command printed and how it ended.
 *
 * @param exitCode its exit status
 * @param stdout   its standard output
 * @param stderr   its standard error
 */
public record CommandResult(int exitCode, String stdout, String stderr) {
    /** @return whether it exited with 0 */
    public boolean ok() {
        return exitCode == 0;
    }
}
