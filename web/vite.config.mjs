import { defineConfig } from 'vite';

// Hashed file names under /assets/ (the server caches them for a year); no module-preload polyfill
// (every browser that runs the dashboard has modulepreload, and the polyfill would add bytes).
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
