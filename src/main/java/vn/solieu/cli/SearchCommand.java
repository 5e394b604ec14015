package vn.solieu.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class SearchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("solieu search: not built yet");
        return 2;
    }
}
