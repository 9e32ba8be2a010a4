## Generated for tests/data/subgroup-classes-large.json (GAP 4.12): the conjugacy classes of subgroups
## of six larger catalog groups (plrep's generators), orders and normalizer orders. Run: gap -q subgroup-classes-large.g
res := [];;
G := Group([(1,2,3,4,5,6,7),(1,2)]);; cc := ConjugacyClassesSubgroups(G);;
Add(res, rec(file := "S7", order := Size(G), classes := Length(cc), subgroups := Sum(cc, Size), normalizer_orders := SortedList(List(cc, c -> [Size(Representative(c)), Size(Normalizer(G, Representative(c)))])) ));;
G := Group([(1,2,3,4,5,6,7,8,9,10,11),(3,7,11,8)(4,10,5,6)]);; cc := ConjugacyClassesSubgroups(G);;
Add(res, rec(file := "M11", order := Size(G), classes := Length(cc), subgroups := Sum(cc, Size), normalizer_orders := SortedList(List(cc, c -> [Size(Representative(c)), Size(Normalizer(G, Representative(c)))])) ));;
G := Group([(3,4,5)(7,9,8)(10,14,18)(11,17,20)(12,15,21)(13,16,19),(1,2,6,7,11,3,10)(4,14,8,15,16,20,13)(5,18,9,19,21,17,12)]);; cc := ConjugacyClassesSubgroups(G);;
Add(res, rec(file := "PSL3_4", order := Size(G), classes := Length(cc), subgroups := Sum(cc, Size), normalizer_orders := SortedList(List(cc, c -> [Size(Representative(c)), Size(Normalizer(G, Representative(c)))])) ));;
G := Group([(1,2,3),(2,3,4,5,6,7,8)]);; cc := ConjugacyClassesSubgroups(G);;
Add(res, rec(file := "A8", order := Size(G), classes := Length(cc), subgroups := Sum(cc, Size), normalizer_orders := SortedList(List(cc, c -> [Size(Representative(c)), Size(Normalizer(G, Representative(c)))])) ));;
G := Group([(1,2,3,4,5,6,7,8),(1,2)]);; cc := ConjugacyClassesSubgroups(G);;
Add(res, rec(file := "S8", order := Size(G), classes := Length(cc), subgroups := Sum(cc, Size), normalizer_orders := SortedList(List(cc, c -> [Size(Representative(c)), Size(Normalizer(G, Representative(c)))])) ));;
G := Group([(1,2,3,4,5,6,7,8,9,10,11),(3,7,11,8)(4,10,5,6),(1,12)(2,11)(3,6)(4,8)(5,9)(7,10)]);; cc := ConjugacyClassesSubgroups(G);;
Add(res, rec(file := "M12", order := Size(G), classes := Length(cc), subgroups := Sum(cc, Size), normalizer_orders := SortedList(List(cc, c -> [Size(Representative(c)), Size(Normalizer(G, Representative(c)))])) ));;
PrintTo("subgroup-classes-large.out", res);
QUIT;
