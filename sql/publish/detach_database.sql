DETACH {alias}
