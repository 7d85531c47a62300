package io.wssgate.examples.demo;

import java.util.List;

/** The demo's outcome: every check, and the text printed for a reader. */
record DemoReport(List<String> header, List<Check> checks) {

    DemoReport {
        header = List.copyOf(header);
        checks = List.copyOf(checks);
    }

    boolean allHeld() {
        return checks.stream().allMatch(Check::held);
    }

    String text() {
        StringBuilder text = new StringBuilder("\n");
        header.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
        for (Check check : checks) {
            text.append(check.held() ? "  ok    " : "  FAIL  ").append(check.title()).append('\n');
            check.lines().forEach(line -> text.append("        ").append(line).append('\n'));
        }
        long held = checks.stream().filter(Check::held).count();
        text.append('\n').append(allHeld()
                ? "All " + checks.size() + " expectations held."
                : (checks.size() - held) + " of " + checks.size() + " expectations did NOT hold.").append("\n\n");
        return text.toString();
    }
}
