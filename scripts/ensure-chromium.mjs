// Runs before `npm test`: the browser tests need Debian's Chromium. As root on
// Debian it installs it; otherwise it stops with the exact command to run.
// It never lets the browser tests be skipped.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM } from "./chromium.mjs";

function main() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium is missing; installing Debian's chromium for the browser tests…");
    execSync("apt-get update && apt-get install -y chromium", { stdio: "inherit" });
    if (existsSync(CHROMIUM)) return;
  }
  console.error(
    `The browser tests need Chromium at ${CHROMIUM}.\n` +
      (hasApt
        ? "Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n"
        : "Install Chromium and point CHROMIUM_PATH at its executable.\n") +
      "The browser tests are part of `npm test` and are never skipped.",
  );
  process.exit(1);
}

main();
