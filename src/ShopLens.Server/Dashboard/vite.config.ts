import { defineConfig } from "vite";

// The page is served by ShopLens.Server from its embedded copy of ../wwwroot: one index.html and hashed files in
// assets/, which the server caches for a year. No asset is inlined as a data: URL, so the page's Content-Security-Policy
// can stay at 'self'.
export default defineConfig({
  base: "./",
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    // ECharts goes in its own file, so a change to the app does not invalidate the browser's copy of the charts.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes("node_modules") ? "vendor" : undefined),
      },
    },
  },
});
