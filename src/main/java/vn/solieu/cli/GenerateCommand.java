package vn.solieu.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("solieu generate: not built yet");
        return 2;
    }
}
