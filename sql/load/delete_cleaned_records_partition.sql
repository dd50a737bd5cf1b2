DELETE FROM staging.cleaned_records WHERE dump_file = $dump_file
