/// <reference types="vitest" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Maven build sets KUMO_CONSOLE_OUT (target/frontend); `npm run dev` proxies the API to a running node.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: process.env.KUMO_CONSOLE_OUT ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // noVNC's modules use top-level await
    target: 'es2022',
  },
  server: {
    proxy: { '/zstack': process.env.KUMO_API ?? 'http://127.0.0.1:8080', '/console-config.json': process.env.KUMO_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
