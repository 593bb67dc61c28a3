package org.gogoscope.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code java -jar benchmarks.jar [JMH options]}: runs the benchmarks (all, or those matching the JMH
 * regexps given), writes JMH's JSON (default {@code jmh-result.json} next to the jar) and prints the
 * comparison table, also written as Markdown beside the JSON ({@code .md}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        Path json = Path.of(cli.getResult().orElse(defaultResult()));
        if (!cli.getResult().hasValue()) {
            options.result(json.toString());
        }
        if (!cli.getResultFormat().hasValue()) {
            options.resultFormat(ResultFormatType.JSON);
        }
        if (cli.getIncludes().isEmpty()) {
            options.include("org\\.gogoscope\\.benchmarks\\..*");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = Table.render(results);
        System.out.println();
        System.out.println(table);
        Path md = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
        Files.writeString(md, table);
        System.out.println("JSON: " + json.toAbsolutePath() + "\nTable: " + md.toAbsolutePath());
    }

    private static String defaultResult() {
        try {
            Path jar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.resolveSibling("jmh-result.json").toString();
        } catch (Exception e) {
            return "jmh-result.json";
        }
    }
}
