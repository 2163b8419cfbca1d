import sys
sample, verdicts = sys.argv[1], {}
wrong = eval(open(sys.argv[2]).read())
rows=[l.rstrip('\n').split('\t') for l in open(sample)]
out=["| # | mention | resolution (country, feature, population) | verdict | reason |","| --- | --- | --- | --- | --- |"]
for r in rows:
    n=int(r[0]); v='wrong' if n in wrong else 'right'
    out.append(f"| {n} | {r[2]} | {r[3]} ({r[4]}, {r[5]}, {r[6]}) | {v} | {wrong.get(n, 'the place meant')} |")
print('\n'.join(out))
print(f"\nright: {sum(1 for r in rows if int(r[0]) not in wrong)} / {len(rows)}")
