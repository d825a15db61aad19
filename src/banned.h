#ifndef DG_BANNED_H
#define DG_BANNED_H
/* Functions that invite overflows or hidden state; use dg_buf instead.
 * Included last by every src/ file through common.h. */
#undef strcpy
#define strcpy(a, b) dg_banned_strcpy_use_dg_buf
#undef strcat
#define strcat(a, b) dg_banned_strcat_use_dg_buf
#undef sprintf
#define sprintf(...) dg_banned_sprintf_use_dg_buf_addf
#undef vsprintf
#define vsprintf(...) dg_banned_vsprintf_use_dg_buf_vaddf
#undef strtok
#define strtok(a, b) dg_banned_strtok
#undef atoi
#define atoi(a) dg_banned_atoi_use_strtol
#undef gets
#define gets(a) dg_banned_gets
#endif
