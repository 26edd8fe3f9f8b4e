"""Major fire hazards: GB 35181 determination (重大火灾隐患判定) and listed supervision (挂牌督办)."""
