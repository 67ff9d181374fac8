import type { APIRoute } from 'astro';
// The widget ships as written (plain, dependency-free JavaScript); test/public/widget.test.ts keeps it under 5 KB gzipped.
import source from '../widget/widget.js?raw';

export const GET: APIRoute = () => new Response(source, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
