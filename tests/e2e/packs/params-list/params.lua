-- A team that also counts 主治医师 as a doctor-level term (the list replaces the shipped one).
params { tongfang_doctor_terms = {"医生工号", "处方医生", "按医生", "主治医师"} }
