// ESLint, configured once: the recommended JavaScript and typescript-eslint rules for every TypeScript
// file of the project. Formatting is Prettier's job (.prettierrc.json); `npm test` runs both.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // .dev/ is a git-ignored scratch folder for local experiments.
  { ignores: ["dist/**", "node_modules/**", "src/.observablehq/**", "test/browser/output/**", ".dev/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      // An underscore marks a value left out on purpose (`const { analysis: _analysis, ...rest } = record`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
);
