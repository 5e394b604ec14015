package vn.solieu.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("solieu import: not built yet");
        return 2;
    }
}
