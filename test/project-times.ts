// A vitest reporter, beside the default one: at the end of a run, each project's time, from its first test
// file's start to its last one's end (the projects run side by side, so these overlap), and the run's own.
import type { Reporter, TestModule } from "vitest/node";

interface Span {
  first: number;
  last: number;
  files: number;
}

/** "3 min 12 s" or "41 s". */
function minutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

export default class ProjectTimes implements Reporter {
  private readonly started = performance.now();
  private readonly spans = new Map<string, Span>();

  onTestModuleStart(module: TestModule): void {
    const name = module.project.name || "(default)";
    const span = this.spans.get(name) ?? { first: performance.now(), last: performance.now(), files: 0 };
    this.spans.set(name, span);
  }

  onTestModuleEnd(module: TestModule): void {
    const span = this.spans.get(module.project.name || "(default)");
    if (!span) return;
    span.last = performance.now();
    span.files++;
  }

  onTestRunEnd(): void {
    const lines = [...this.spans.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, span]) => `  ${name.padEnd(8)} ${String(span.files).padStart(3)} files  ${minutes(span.last - span.first)}`);
    process.stdout.write(
      `\nTime per project (they run side by side):\n${lines.join("\n")}\n  whole run ${minutes(performance.now() - this.started)}\n`,
    );
  }
}
