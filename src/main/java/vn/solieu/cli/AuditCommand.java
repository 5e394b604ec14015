package vn.solieu.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class AuditCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("solieu audit: not built yet");
        return 2;
    }
}
