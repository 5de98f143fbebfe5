#!/usr/bin/env python3
"""make-seeds.py TARGET DIR: writes the seed inputs of one fuzz target into DIR (as seed-*).

scripts/fuzz.sh runs it once, when a target has no corpus yet (Fuzz/Corpus/<Target>/ absent). Seeds are
the bundled datasets/ files that the target reads, small hand-made valid or nearly valid inputs that
reach each reader's branches, and for FuzzBaseline the baseline files in Fuzz/Seeds/baseline/ (written
by `relmodel spc baseline` from datasets/spc). The fuzzer mutates from there.
"""
import glob, math, os, shutil, sys

fuzz = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
repository = os.path.dirname(fuzz)
wanted, out = sys.argv[1], sys.argv[2]

def put(target, name, text):
    if target != wanted:
        return
    d = out
    os.makedirs(d, exist_ok=True)
    data = text if isinstance(text, bytes) else text.encode()
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)

# CSV reader edge cases (also used by the other CSV targets).
csv_edges = {
    "quoted.csv": 'time,"ev""ent",count\n"1.5","F",2\n" 2",S,1\n',
    "multiline-quote.csv": 'a,b\n"x\ny",2\n3,4\n',
    "crlf.csv": "time,event\r\n1,1\r\n2,0\r\n",
    "cr-only.csv": "time,event\r1,1\r2,0",
    "bom.csv": b"\xef\xbb\xbftime,event\n1,1\n",
    "empty-lines.csv": "\n\ntime\n\n1\n\n2\n",
    "spaces.csv": " time , event \n 54 , 1 \n\t3\t,\t0\t\n",
    "numbers.csv": "x\n1e-320\n-0\n.5\n5.\n1e400\nnan\n-inf\nInfinity\n123456789012345678901234567890\n0.1e+22\n",
    "trailing-comma.csv": "a,b,\n1,2,\n",
    "unterminated.csv": 'a,b\n"1,2\n',
    "after-quote.csv": 'a,b\n"1"x,2\n',
    "dup-header.csv": "time,Time\n1,2\n",
    "header-only.csv": "time,event\n",
    "ragged.csv": "a,b\n1\n1,2,3\n",
    "non-utf8.csv": b"t\xff\xfeime,ev\x80ent\n1,\xc3\n",
    "one-column-space.csv": "x\n \n",
}
for name, text in csv_edges.items():
    put("FuzzCSV", name, text)

# Lifetime layouts.
lifetime = {
    "exact.csv": "time,event,count\n10,1,1\n20,0,3\n30,F,1\n40,s,1\n50,failure,2\n60,SUSPENSION,1\n",
    "times-only.csv": "time\n1\n2\n3\n",
    "interval.csv": "start,end,count\n,5,1\n0,5,2\n5,10,1\n10,,4\n7,7,1\n",
    "interval-event.csv": "start,end,event\n1,2,1\n3,,0\n0,4,F\n",
    "interval-bad.csv": "start,end\n5,3\n,\n",
    "renamed.csv": "t,status,n,a,b\n1,1,1,0,1\n",
    "grouped.csv": "time,event,lot\n1,1,A\n2,0,B\n3,1,A\n4,1,\n",
    "both-layouts.csv": "time,start,end\n1,2,3\n",
    "count-edge.csv": "time,count\n1,9007199254740992\n2,9007199254740993\n3,2.5\n4,3e0\n",
}
for name, text in lifetime.items():
    put("FuzzLifetime", name, text)

life_stress = {
    "arrhenius.csv": "time,event,count,temp_c\n100,1,1,125\n150,1,1,125\n300,0,5,85\n400,1,1,85\n",
    "peck.csv": "time,event,temp_c,rh\n100,1,85,85\n200,1,85,85\n500,1,110,60\n900,0,110,60\n",
    "inverse-power.csv": "start,end,count,voltage\n0,10,1,30\n10,20,2,30\n5,,3,20\n",
    "bad-stress.csv": "time,temp_c\n1,-300\n2,0\n3,nan\n",
}
for name, text in life_stress.items():
    put("FuzzLifeStress", name, text)

plans = {
    "plan.csv": "test,units,hours,stress_temp_c,mechanism,ea_ev,failures\nHTOL-125,77,1000,125,oxide,0.7,0\nHTOL-125,77,1000,125,em,0.9,1\nHTOL-150,45,500,150,oxide,0.7,1\n",
    "plan-use.csv": "test,units,hours,stress_temp_c,mechanism,ea_ev,failures,use_temp_c\nA,10,100,125,ox,0.7,0,55\nA,10,100,125,em,0.9,0,55\nB,5,50,150,ox,0.7,2,55\n",
    "plan-bad.csv": "test,units,hours,stress_temp_c,mechanism,ea_ev,failures\nA,10,100,125,ox,0.7,0\nA,11,100,125,em,0.9,0\nA,10,100,125,ox,0.7,1\n,1,1,-274,,-1,2.5\n",
    "plan-many-failures.csv": "test,units,hours,stress_temp_c,mechanism,ea_ev,failures\nA,3,100,125,ox,0.7,2\nA,3,100,125,em,0.9,2\n",
}
for name, text in plans.items():
    put("FuzzPlan", name, text)

spc = {
    "xbar.csv": "sample,value,size,phase,stage\n1,10.1,5,I,a\n1,10.3,5,I,a\n1,9.9,5,I,a\n2,10.0,5,I,a\n2,10.2,5,I,a\n2,10.4,5,I,a\n3,11,5,II,b\n3,12,5,II,b\n3,10,5,II,b\n",
    "attributes.csv": "sample,defects,size\n1,3,50\n2,0,50\n3,5,80\n4,1,20\n",
    "singletons.csv": "sample,value\n1,1\n2,2\n3,4\n",
    "ragged.csv": "sample,value\nA,1\nA,2\nB,3\nA,4\nC,5\nC,5\nC,5\nC,5\n",
    "constant.csv": "sample,value\n1,5\n1,5\n2,5\n2,5\n",
}
for name, text in spc.items():
    put("FuzzSPCSubgroups", name, text)

def batch_csv(batches, variables=("temp", "pressure"), times=6, prefix="B"):
    lines = ["batch,time," + ",".join(variables)]
    for i in range(batches):
        f = math.sin(7 * i + 3) * 1.5
        for k in range(1, times + 1):
            vals = [20 + 2 * k + f * k / 3 + math.sin(31 * i + 17 * k) * 0.3 + j for j in range(len(variables))]
            lines.append(f"{prefix}{i + 1},{k}," + ",".join(f"{v:.4f}" for v in vals))
    return "\n".join(lines) + "\n"

put("FuzzBatchPCA", "six-batches.csv", batch_csv(6))
put("FuzzBatchPCA", "twelve-batches.csv", batch_csv(12, variables=("a", "b", "c"), times=4))
put("FuzzBatchPCA", "ragged.csv", "batch,time,x\nB1,1,1\nB1,2,2\nB2,1,1\nB2,3,2\nB3,1,5\n")
put("FuzzBatchPCA", "unsorted.csv", "batch,time,x\nB1,2,1\nB1,1,2\n")
put("FuzzBatchPCA", "constant.csv", "batch,time,x,y\nB1,1,1,0\nB2,1,1,1\nB3,1,1,2\nB4,1,1,9\n")
datasets = {
    "FuzzCSV": ["lifetime", "spc"], "FuzzLifetime": ["lifetime"], "FuzzLifeStress": ["lifetime"],
    "FuzzSPCSubgroups": ["spc"], "FuzzBatchPCA": ["spc"],
}
for folder in datasets.get(wanted, []):
    for path in sorted(glob.glob(os.path.join(repository, "datasets", folder, "*.csv"))):
        with open(path, "rb") as f:
            put(wanted, "dataset-" + os.path.basename(path), f.read())
for path in sorted(glob.glob(os.path.join(fuzz, "Seeds", "baseline", "*.json"))):
    with open(path, "rb") as f:
        put("FuzzBaseline", "baseline-" + os.path.basename(path), f.read())

# Hand-made baseline edge cases: numbers at the edges of Double and Int, odd escapes, deep nesting.
put("FuzzBaseline", "edge-numbers.json", '{"format":"relmodel-baseline","format_version":1,"version":1,"chart":"imr",'
    '"constants":"exact","sigma_multiplier":3,"span":1e300,"limits":{"subgroups":-1e300,"subgroup_size":1e-320,'
    '"process":{"center":0,"sigma":1e308},"charts":[{"type":"i","center":0,"lcl":-1e308,"ucl":1e308,"sigma":null},'
    '{"type":"mr","center":1,"lcl":0,"ucl":3,"sigma":1}]}}')
put("FuzzBaseline", "edge-strings.json", '{"format":"relmodel-\\u0062aseline","x":"\\ud83d\\ude00\\n\\"","y":[true,false,null,-0.0e-0]}')
put("FuzzBaseline", "edge-nesting.json", "[" * 70 + "]" * 70)
if not os.path.isdir(out) or not os.listdir(out):
    sys.exit(f"no seeds for {wanted}")

