"""The words an import recognises: column headers and the values of role, status and
yes/no columns, as HR systems, Excel and people write them. Pure data: adding a layout is
adding words here (the reader folds case, diacritics, spaces and punctuation, and strips a
bracketed suffix such as Google Workspace's ``[Required]``).

Fields
    name, first, last, email, department, role, status, linkedin, joined, topics, groups, formats,
    languages, recommended_by, invited_on, notes: what a person holds (topics a list, "Java,
    rekrutacja"; formats and languages in English or Polish words, see domain/topics.py; who
    recommended them a name; the day they were invited a date). The consent to be thanked by
    name in the digest is never imported: the person gives it in this program. Two more fields
    only help the import:

    * ``email_alt``: an address used when the email cell of the row is empty
      (Microsoft Entra ID's ``userPrincipalName`` when ``mail`` is empty);
    * ``enabled``: a yes/no account flag (Entra's ``accountEnabled``, Workday's ``Active
      Status``); "no" makes the person ``left``, "yes" says nothing about their status.

Strong headers (``HEADER_WORDS``) are taken as they are. Weak headers (``WEAK_HEADER_WORDS``)
are only a guess: they are used when no strong header gives the same field, and for status and
LinkedIn only when every value in the column is one (Entra's ``state`` is a province,
"mazowieckie", never a status). Sources: BambooHR, Personio, Workday, SAP SuccessFactors
(user data file), Microsoft Entra ID ("Download users"), Google Workspace (bulk user CSV),
LinkedIn (Connections.csv), and Polish HR and payroll programs.
"""

from __future__ import annotations

HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "fullname", "display name", "displayname", "employee",
             "employee name", "worker", "worker name", "legal name",
             "imię i nazwisko", "imie nazwisko", "imię nazwisko", "nazwa", "pracownik", "osoba",
             "nazwisko i imię"),
    "first": ("first name", "first", "given name", "givenname", "forename", "imię", "imie",
              "legal first name"),
    "last": ("last name", "last", "surname", "family name", "nazwisko", "legal last name"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail", "work email",
              "primary work email", "work e-mail", "business email", "company email",
              "adres e-mail", "adres email", "adres mailowy", "e-mail służbowy",
              "email służbowy", "służbowy e-mail", "poczta"),
    "email_alt": ("userprincipalname", "user principal name", "upn"),
    "department": ("department", "dept", "dział", "departament", "jednostka", "komórka",
                   "jednostka organizacyjna", "komórka organizacyjna"),
    "role": ("role", "program role", "rola", "rola w programie"),
    "status": ("status", "stan", "status w programie"),
    "enabled": ("accountenabled", "account enabled", "active status", "is active", "aktywne konto"),
    "linkedin": ("linkedin", "linkedin url", "linkedin profile", "linkedin profile url",
                 "profil linkedin", "profil na linkedin", "linkedin profil"),
    "joined": ("joined", "joined on", "joined date", "date joined", "joined at", "since",
               "hire date", "hiredate", "date of hire", "start date", "original hire date",
               "data dołączenia", "dołączył", "dołączyła", "dołączył(a)", "data przystąpienia",
               "od kiedy", "data zatrudnienia", "data przyjęcia", "zatrudniony od",
               "data rozpoczęcia pracy"),
    "topics": ("topics", "expertise", "expertise topics", "topics of expertise", "areas of expertise",
               "tematy", "tematy eksperckie", "obszary eksperckie", "ekspertyza", "specjalizacja"),
    "groups": ("groups", "group", "program groups", "grupy", "grupa", "grupy w programie"),
    "formats": ("formats", "preferred formats", "post formats", "formaty", "preferowane formaty",
                "formaty postów"),
    "languages": ("languages", "post languages", "languages of posts", "języki", "języki postów",
                  "języki publikacji"),
    "recommended_by": ("recommended by", "recommended_by", "referred by", "referrer", "recommender",
                       "polecający", "polecająca", "polecający(a)", "kto polecił", "polecone przez",
                       "z polecenia"),
    "invited_on": ("invited on", "invited_on", "invitation date", "date invited", "invited at",
                   "data zaproszenia", "zaproszony dnia", "zaproszona dnia", "dzień zaproszenia"),
    "notes": ("notes", "note", "comments", "comment", "notatki", "notatka", "uwagi", "komentarz"),
    # columns that are never a person's data here, and need no mention
    "_ignore": ("id", "created at", "updated at", "created_at", "updated_at", "created", "updated",
                "utworzono", "zmieniono", "objectid", "createddatetime", "password",
                "employee #", "employee id", "empid", "userid", "user id", "username"),
}

WEAK_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "department": ("division", "team", "supervisory organization", "organization",
                   "organisation", "org unit", "zespół", "pion"),
    "status": ("state", "employment status", "employee status", "worker status",
               "account status", "status zatrudnienia", "stan zatrudnienia"),
    "linkedin": ("url", "profile url", "profile", "public profile url"),
}

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "owner": ("owner", "program owner", "właściciel", "właścicielka", "właściciel programu"),
    "manager": ("manager", "menedżer", "menadżer", "menedżerka", "kierownik", "kierowniczka"),
    "ambassador": ("ambassador", "ambasador", "ambasadorka"),
}

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "candidate": ("candidate", "kandydat", "kandydatka", "kandydat(ka)", "pending", "hired",
                  "new hire"),
    "invited": ("invited", "zaproszony", "zaproszona", "zaproszony(a)", "zaproszenie"),
    "onboarding": ("onboarding", "wdrażanie", "wdrożenie", "we wdrożeniu", "w trakcie wdrożenia",
                   "preboarding"),
    "active": ("active", "aktywny", "aktywna", "aktywny(a)", "employed", "zatrudniony",
               "zatrudniona", "enabled"),
    "paused": ("paused", "pause", "wstrzymany", "wstrzymana", "wstrzymany(a)", "pauza",
               "leave", "on leave", "leave of absence", "suspended", "inactive leave",
               "urlop", "na urlopie", "urlop macierzyński", "urlop rodzicielski",
               "urlop wychowawczy", "zawieszony", "zawieszona", "l4", "zwolnienie lekarskie"),
    "left": ("left", "odszedł", "odeszła", "odszedł(a)", "nieobecny w firmie",
             "inactive", "terminated", "former", "former employee", "disabled", "deleted",
             "nieaktywny", "nieaktywna", "zwolniony", "zwolniona", "były pracownik",
             "była pracownica", "rozwiązana umowa", "umowa rozwiązana"),
}

#: the values of an ``enabled`` column
YES_WORDS = ("true", "yes", "y", "1", "tak", "t", "prawda")
NO_WORDS = ("false", "no", "n", "0", "nie", "fałsz")
