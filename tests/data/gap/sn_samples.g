out := OutputTextFile("sn_samples.txt", false);
SetPrintFormattingStatus(out, false);
for n in [21, 25, 30] do
  tbl := CharacterTable("Symmetric", n);
  irr := Irr(tbl);
  cp := ClassParameters(tbl);
  chp := CharacterParameters(tbl);
  k := Length(irr);
  for t in [0..299] do
    i := 1 + ((7919 * t + 13) mod k);
    j := 1 + ((104729 * t + 5) mod k);
    AppendTo(out, n, " ", chp[i][2], " ", cp[j][2], " ", irr[i][j], "\n");
  od;
od;
CloseStream(out);
QUIT;
