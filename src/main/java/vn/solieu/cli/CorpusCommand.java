package vn.solieu.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "corpus", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class CorpusCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("solieu corpus: not built yet");
        return 2;
    }
}
