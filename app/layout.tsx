import type { Metadata } from "next";
import "./globals.css";

// Every page depends on the session or the database: nothing is prerendered at build time.
// Said once here; pages inherit it, and route handlers are dynamic by default since Next 15.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Assessment Hub", template: "%s · Assessment Hub" },
  description: "Candidate-assessment results from every provider, in one place.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
