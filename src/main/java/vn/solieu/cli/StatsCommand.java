package vn.solieu.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class StatsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("solieu stats: not built yet");
        return 2;
    }
}
