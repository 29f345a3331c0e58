import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // Set-up hooks index a collection, start PostgreSQL or a browser: seconds on an idle machine,
    // many times that on a loaded 2-core one, where vitest's 10 s default failed them.
    hookTimeout: 180_000,
    pool: "forks",
  },
});
