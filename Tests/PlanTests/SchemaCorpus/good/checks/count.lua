-- A check for the schema corpus: the plan loader only needs the file to exist and be UTF-8.
return function(ctx) return dossier_count() end
