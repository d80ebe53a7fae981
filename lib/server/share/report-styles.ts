import "server-only";

// Inline so the page needs no other request (and the strict CSP can forbid everything else).
export const REPORT_STYLES = `
*{box-sizing:border-box}
body{margin:0;background:#f8fafc;color:#0f172a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:48rem;margin:2rem auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}
h1{margin:.25rem 0 0;font-size:1.75rem;line-height:1.2}
h2{margin:2rem 0 .75rem;font-size:1.1rem;border-bottom:1px solid #e2e8f0;padding-bottom:.35rem}
.eyebrow{margin:0;color:#4338ca;font-size:.8rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase}
.subtitle{margin:.25rem 0 0;color:#475569}
.message{color:#334155}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;margin:0}
.summary div{border:1px solid #e2e8f0;border-radius:.5rem;padding:.6rem .8rem}
dt{color:#64748b;font-size:.8rem}
dd{margin:.15rem 0 0;font-weight:600}
dd.score{font-size:1.35rem}
.pill{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.85rem;background:#f1f5f9;color:#334155}
.pill.pass{background:#dcfce7;color:#166534}
.pill.fail{background:#fee2e2;color:#991b1b}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid #f1f5f9;vertical-align:middle}
thead th{color:#64748b;font-size:.8rem;font-weight:600}
tbody th{font-weight:500}
.bar-cell{width:40%;white-space:nowrap}
.bar{display:inline-block;width:70%;height:.5rem;background:#e2e8f0;border-radius:999px;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%;background:#4f46e5}
.percent{margin-left:.5rem;color:#475569;font-size:.85rem}
.details{margin:.75rem 0 0;padding-left:1.2rem}
.details li{margin:.2rem 0}
.details li.flagged{color:#991b1b}
.url{display:block;color:#64748b;font-size:.8rem;word-break:break-all}
a{color:#4338ca}
footer{margin-top:2.5rem;color:#64748b;font-size:.85rem}
@media print{
  body{background:#fff}
  main{margin:0;max-width:none;border:0;padding:0}
  .summary div{break-inside:avoid}
  tr{break-inside:avoid}
  .bar,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
