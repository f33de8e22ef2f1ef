// Observable Framework configuration. Everything a built page needs is bundled: no Google Fonts (the
// default global stylesheet), no CDN imports, and no build date in the footer (so rebuilds are identical).

export default {
  root: "src",
  // BUILD_OUTPUT builds elsewhere, e.g. twice into two folders to check that builds are identical.
  output: process.env.BUILD_OUTPUT || "dist",
  title: "Framing notebooks",
  globalStylesheets: [],
  style: "style.css",
  footer: "Framing notebooks: reproducible analyses of how news texts frame geopolitics. Every figure links to the sentences behind it.",
  // An inline icon: stops browsers asking the server for /favicon.ico.
  head: `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Crect width=%2216%22 height=%2216%22 rx=%223%22 fill=%22%231d3557%22/%3E%3C/svg%3E">`,
  search: false,
  preserveExtension: true,
  pages: [
    { name: "Corpus overview", path: "/" },
    { name: "Search", path: "/search" },
    { name: "Keywords", path: "/keywords" },
    { name: "Frames compared", path: "/compare/frames" },
    { name: "Rhetorical devices compared", path: "/compare/devices" },
    { name: "Outlet profile", path: "/outlet" },
    { name: "One frame across outlets", path: "/frame-across-outlets" },
    { name: "Frames together", path: "/frames-together" },
    { name: "Who republishes whom", path: "/compare/reuse" },
    { name: "Tone", path: "/tone" },
    { name: "Who speaks", path: "/who-speaks" },
    { name: "Over time", path: "/time" },
    { name: "Codebook", path: "/codebook" },
    { name: "Methods", path: "/methods" },
    {
      name: "Course",
      open: true,
      pages: [
        { name: "How to read these notebooks", path: "/guide" },
        { name: "Exercises", path: "/exercises" },
        { name: "Hand coding", path: "/coding" },
        { name: "Agreement", path: "/agreement" },
        { name: "Teacher notes", path: "/teaching" },
      ],
    },
  ],
  // One reader page for every article (src/article.md?id=<id>), which fetches the article's record: the
  // site renders the same handful of pages whatever the corpus size.
  dynamicPaths: ["/compare/frames", "/compare/devices"],
};
